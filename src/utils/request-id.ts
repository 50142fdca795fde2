/**
 * A submission's request id, made once when the owner taps 提交 and sent with every retry, so
 * the server makes at most one ticket of it. No crypto API needed (the weapp runtime has none):
 * the time in base 36 plus 12 random base-36 characters (≥ 20 characters, /^[a-z0-9]+$/).
 */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = ''
  while (tail.length < 12) tail += Math.floor(random() * 36).toString(36)
  return `${Math.max(0, Math.floor(now)).toString(36)}${tail}`
}
