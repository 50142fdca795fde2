import { currentDevIdentity } from './dev-identity';
import type { Transport } from './transport';

/**
 * The H5 build talks to the local function host. The identity header exists only here, in
 * local mode: the function host turns it into the platform context a deployed function gets.
 */
export const h5Transport: Transport = async (name, event) => {
  const res = await fetch(`${process.env.FUNCTION_HOST || ''}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': currentDevIdentity() },
    body: JSON.stringify(event),
  });
  // A call cut at its time limit fails, as callFunction does in the mini-program (errCode -504003).
  if (res.status === 433) throw new Error(((await res.json()) as { errorMessage?: string }).errorMessage);
  return res.json();
};
