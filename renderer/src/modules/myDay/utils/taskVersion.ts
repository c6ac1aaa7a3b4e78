import { api } from '../../../api/client'

/**
 * My Day's lines carry a task's id, not its version, which ticking it done
 * needs: the task is found again through the task list's quick search on its title.
 */
export async function currentTaskVersion(taskId: number, title: string): Promise<number | undefined> {
  const page = await api.call('tasks.list', {
    search: title.slice(0, 200),
    filters: [{ column: 'status', op: 'in', value: ['open'] }],
    limit: 500,
    withTotal: false,
  })
  return page.rows.find((task) => task.id === taskId)?.version
}
