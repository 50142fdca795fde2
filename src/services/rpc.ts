import type { ActionInput, ActionName, ActionOutput } from '@/core/contract/actions';
import type { Reply } from '@/core/contract/envelope';
import { functionOf } from '@/core/contract/names';
import type { Transport } from './transport';

/**
 * Chosen at build time: the weapp bundle holds only the cloud call, the H5 bundle only the
 * local host call (the other branch is removed as dead code).
 */
const transport: Transport =
  process.env.TARO_ENV === 'weapp'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./transport.weapp').weappTransport
    : // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./transport.h5').h5Transport;

/** A failed call, with the code and the Chinese message to show. */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** Calls an action; its input and output types come from the one shared contract. */
export async function call<A extends ActionName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> {
  let reply: Reply<ActionOutput<A>>;
  try {
    reply = (await transport(functionOf(action), { action, input })) as Reply<ActionOutput<A>>;
  } catch {
    throw new RpcError('NETWORK', '网络不太顺畅，请稍后再试');
  }
  if (!reply || typeof reply !== 'object') throw new RpcError('SYSTEM.ERROR', '系统繁忙，请稍后再试');
  if (!reply.ok) throw new RpcError(reply.code, reply.message);
  return reply.data;
}
