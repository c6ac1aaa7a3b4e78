import path from 'node:path'
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import type { User } from '../../shared/entities'
import { clickUntil } from './click-until'
import { invoke } from './grid-helpers'
import { takingScreenshots } from './screenshotMode'

/** Shared by the closed-loop specs (loop*.spec.ts): the workspace, who is working, dates and history pages. */

/** A small demo workspace through the API (quicker than the button), with rules that keep a captured lead in the pool. */
export async function prepareWorkspace(request: APIRequestContext): Promise<{ first: User; second: User }> {
  await invoke(request, 'workspace.loadDemo', { scale: 200 })
  // The automatic rules return neglected demo leads to the pool; run them now so counts hold still during the test.
  await invoke(request, 'automations.run', {})
  await invoke(request, 'assignmentRules.save', { rules: [] })
  await invoke(request, 'loopConfig.update', { leadRequiredFields: ['company', 'phoneOrEmail'] })
  const users = await invoke(request, 'users.list', {})
  const reps = users.filter((u) => u.active && u.role === 'rep')
  return { first: reps[0]!, second: reps[1]! }
}

/** Picks who is working in the header, as a person would, and waits until the workspace knows. */
export async function pickCurrentUser(page: Page, { id, name }: User): Promise<void> {
  const picker = page.getByRole('combobox', { name: '当前用户' })
  await picker.click()
  await picker.fill(name)
  await clickUntil(page.locator('.ant-select-item-option').filter({ hasText: name }).first(), page.locator('.wb-header').getByTitle(name))
  await expect.poll(async () => (await invoke(page.request, 'settings.get', {})).currentUserId).toBe(id)
}

/** Today plus offsetDays, as YYYY-MM-DD (the web host runs on the real clock). */
export const isoDay = (offsetDays = 0): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** Types a date into an antd date picker and confirms it. */
export async function pickDate(field: Locator, date: string): Promise<void> {
  await field.click()
  await field.fill(date)
  await field.press('Enter')
}

/** The text of every page of a paginated antd table, as a person would page through it. */
export async function allPagesText(panel: Locator): Promise<string> {
  let text = await panel.innerText()
  const next = panel.locator('li.ant-pagination-next')
  while ((await next.count()) > 0 && (await next.getAttribute('aria-disabled')) !== 'true') {
    await next.click()
    text += await panel.innerText()
  }
  return text
}

/**
 * A drawer's history tab, once its rows have loaded (the table shows its
 * empty state until then). Clicked until its panel shows: a click landing
 * while the drawer still settles can leave the first tab selected.
 */
export async function historyText(drawer: Locator): Promise<string> {
  const panel = drawer.getByRole('tabpanel', { name: '变更历史' })
  await clickUntil(drawer.getByRole('tab', { name: '变更历史' }), panel)
  await expect(panel.locator('tbody tr').filter({ hasNotText: '暂无数据' }).first()).toBeVisible()
  return allPagesText(panel)
}

/** With SCREENSHOTS (or WORKBENCH_SCREENSHOTS=1) set, the walk also writes pictures for the README. */
const shotsDir = path.resolve(import.meta.dirname, '../../docs/screenshots')
export async function snap(page: Page, name: string): Promise<void> {
  if (takingScreenshots) await page.screenshot({ path: path.join(shotsDir, `${name}.png`), animations: 'disabled' })
}
