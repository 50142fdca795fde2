/** A demo identity offered by the local stack (H5 local mode only). */
export interface DevIdentity {
  openid: string
  name: string
  role: string
  hint: string
}

const isDevIdentity = (x: unknown): x is DevIdentity => {
  if (!x || typeof x !== 'object') return false
  const o = x as Record<string, unknown>
  return typeof o.openid === 'string' && typeof o.name === 'string'
}

/** Lists the demo identities of the local function host. */
export async function fetchDevIdentities(): Promise<DevIdentity[]> {
  const res = await fetch(`${process.env.FUNCTION_HOST || ''}/_local/identities`)
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const body: unknown = await res.json()
  if (!Array.isArray(body)) throw new Error('unexpected reply')
  return body.filter(isDevIdentity).map((i) => ({
    openid: i.openid,
    name: i.name,
    role: typeof i.role === 'string' ? i.role : '',
    hint: typeof i.hint === 'string' ? i.hint : '',
  }))
}
