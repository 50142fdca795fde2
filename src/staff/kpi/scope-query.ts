import type { ActionInput } from '@/core/contract/actions'
import type { KpiDrill } from '@/core/kpi/drill'
import { KPI_DRILLS } from '@/core/kpi/drill'
import { KPI_PERIODS } from '@/core/kpi/labels'

/** Which tickets a view looks at: a period (or days) and at most one community, kind, team, person. */
export type KpiScopeInput = ActionInput<'kpi.dashboard'>

const FIELDS = ['period', 'from', 'to', 'community', 'kind', 'team', 'staffId'] as const

/** Only what is set, so a query string and an RPC input carry no empty fields. */
export const compactScope = (scope: KpiScopeInput): KpiScopeInput =>
  Object.fromEntries(FIELDS.filter((f) => scope[f] !== undefined && scope[f] !== '').map((f) => [f, scope[f]])) as KpiScopeInput

/** The drill-down page's address for the tickets behind a number. */
export const drillUrl = (scope: KpiScopeInput, drill: KpiDrill): string => {
  const params = { ...compactScope(scope), drill } as Record<string, string>
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return `/staff/kpi/tickets?${query}`
}

const decoded = (v: string): string => {
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

/**
 * The scope and drill an address carries (router params arrive still encoded on some platforms);
 * anything unknown is left out, and the server checks the rest.
 */
export const drillFromParams = (params: Partial<Record<string, string>>): { scope: KpiScopeInput; drill: KpiDrill } | null => {
  const read = (k: string) => {
    const v = params[k]
    return v === undefined || v === '' ? undefined : decoded(v)
  }
  const drill = read('drill') as KpiDrill | undefined
  const period = read('period') as KpiScopeInput['period']
  if (!drill || !KPI_DRILLS.includes(drill)) return null
  if (period !== undefined && !KPI_PERIODS.includes(period)) return null
  const scope = compactScope({
    period,
    from: read('from'),
    to: read('to'),
    community: read('community'),
    kind: read('kind') as KpiScopeInput['kind'],
    team: read('team') as KpiScopeInput['team'],
    staffId: read('staffId'),
  })
  return { scope, drill }
}
