/** The front desk's pages in the staff subpackage. */
export const DESK_ROUTES = {
  register: '/staff/desk/register/index',
  callbacks: '/staff/desk/callbacks/index',
  callback: '/staff/desk/callback/index',
  daily: '/staff/desk/daily/index',
} as const

export const callbackUrl = (ticketId: string): string => `${DESK_ROUTES.callback}?id=${encodeURIComponent(ticketId)}`
