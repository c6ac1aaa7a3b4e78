/** The screens of the app, in menu order; the hash (#/leads) names the current one. */
export const routes = [
  'my-day',
  'pipeline',
  'kanban',
  'leads',
  'accounts',
  'contacts',
  'follow-ups',
  'dashboard',
  'import-export',
  'settings',
] as const
export type Route = (typeof routes)[number]

export const defaultRoute: Route = 'my-day'

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '')
  return (routes as readonly string[]).includes(name) ? (name as Route) : defaultRoute
}
