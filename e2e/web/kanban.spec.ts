import type { Locator, Page } from '@playwright/test'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { chooseFromViewsMenu, invoke } from './grid-helpers'

function column(page: Page, stage: string): Locator {
  return page.getByTestId('kanban-column').filter({ has: page.locator('.wb-kanban-stage', { hasText: new RegExp(`^${stage}$`) }) })
}

async function count(col: Locator): Promise<number> {
  return Number((await col.getByTestId('kanban-count').innerText()).replace(/\D/g, ''))
}

/**
 * Drags with the mouse as a person would: press, move in steps, and let go
 * only once the board shows the target column as the drop target, so a
 * slow frame under load cannot turn the drag into a click.
 */
async function drag(page: Page, from: Locator, to: Locator) {
  await from.scrollIntoViewIfNeeded()
  const a = (await from.boundingBox())!
  // Press on the card's body (its title is a button that opens the record).
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 20)
  await page.mouse.down()
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height - 10, { steps: 4 })
  // The drag has begun once the card floats in the overlay.
  await expect(page.locator('.wb-kanban-card-overlay')).toBeVisible()
  const b = (await to.boundingBox())!
  await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 12 })
  await expect(to).toHaveClass(/wb-kanban-column-over/)
  await page.mouse.up()
}

test('dragging a card to another stage moves the deal and records its stage history', async ({ page }) => {
  test.setTimeout(150_000)
  await loadDemoWorkspace(page)
  await page.getByRole('navigation').getByText('销售看板').click()
  const board = page.getByTestId('kanban')
  await expect(board).toBeVisible()

  const from = column(page, '初步接洽')
  const to = column(page, '需求确认')
  await expect(from.getByTestId('kanban-card').first()).toBeVisible()
  const headers = [await count(from), await count(to)]
  const card = from.getByTestId('kanban-card').first()
  const id = Number(await card.getAttribute('data-card-id'))
  const name = await card.getAttribute('aria-label')

  await drag(page, card, to)
  await expect(page.getByText(`“${name}”已移至“需求确认”`)).toBeVisible()
  await expect.poll(() => count(from)).toBe(headers[0]! - 1)
  await expect.poll(() => count(to)).toBe(headers[1]! + 1)

  // The record drawer shows the move in its stage timeline.
  const moved = to.locator(`[data-card-id="${id}"]`)
  await expect(moved).toBeVisible()
  await moved.getByRole('button', { name: name!, exact: true }).click()
  const drawer = page.getByRole('dialog', { name: name! })
  const timeline = drawer.getByTestId('stage-history')
  await expect(timeline).toBeVisible()
  await expect(timeline.getByText('需求确认')).toBeVisible()
  await expect(timeline).toContainText('当前阶段')
  const detail = await invoke(page.request, 'opportunities.detail', { id })
  expect(detail.stageHistory.at(-1)!.toStageName).toBe('需求确认')
  await page.keyboard.press('Escape')

  // Lost asks for what it requires (a loss reason) before the move.
  const lost = column(page, '输单')
  // Won and Lost sit folded at the right end of the board; bring them into view.
  await board.evaluate((element) => element.scrollTo({ left: element.scrollWidth }))
  // Drag from the last open stage, which sits beside Lost once the board is scrolled to its end.
  const second = column(page, '商务谈判').getByTestId('kanban-card').first()
  const secondId = Number(await second.getAttribute('data-card-id'))
  await drag(page, second, lost)
  const form = page.getByRole('dialog', { name: '进入“输单”前还需填写' })
  await expect(form).toBeVisible()
  await form.getByRole('combobox', { name: '输单原因' }).fill('价格过高')
  await page.keyboard.press('Enter')
  await form.getByRole('button', { name: '保存并移动' }).click()
  await expect(page.getByText(/已移至“输单”/)).toBeVisible()
  const lostDetail = await invoke(page.request, 'opportunities.detail', { id: secondId })
  expect(lostDetail.opportunity.stageName).toBe('输单')
  expect(lostDetail.opportunity.lossReason).not.toBeNull()
})

test('the board honours the grid’s filters and saved views, with sums per stage from the core', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  await page.getByText('看板', { exact: true }).click()
  await expect(page.getByTestId('kanban')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('board.png') })
  await chooseFromViewsMenu(page, '停滞商机')
  const stale = await invoke(page.request, 'grid.groups', {
    entity: 'opportunity',
    groupBy: 'stageId',
    filters: [
      { column: 'stageKind', op: 'in', value: ['open'] },
      { column: 'isRotting', op: 'equals', value: 1 },
      { column: 'pipelineId', op: 'in', value: [1] },
    ],
  })
  const first = column(page, '初步接洽')
  const stageId = Number(await first.getAttribute('data-stage-id'))
  const expected = stale.find((g) => g.key === stageId)?.count ?? 0
  await expect.poll(() => count(first)).toBe(expected)
  for (const card of await first.getByTestId('kanban-card').all()) await expect(card.locator('[data-flag="rotting"]')).toBeVisible()

  // Back in the grid, the same view is applied.
  await page.getByText('表格', { exact: true }).click()
  await expect(page.getByTestId('views-menu')).toContainText('停滞商机')
})
