import { expect, loadDemoWorkspace, test } from '../fixtures'

test('switching to English changes the navigation and the grid headers, and the choice persists', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const nav = page.getByRole('navigation')
  await expect(nav.getByText('线索')).toBeVisible()

  await page.getByText('English', { exact: true }).click()

  await expect(nav.getByText('Leads')).toBeVisible()
  await expect(nav.getByText('Follow-ups & Tasks')).toBeVisible()
  const grid = page.getByRole('grid', { name: 'Pipeline' })
  await expect(grid.getByRole('columnheader', { name: 'Opportunity' })).toBeVisible()
  await expect(grid.getByRole('columnheader', { name: 'Expected close' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'New opportunity' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('navigation').getByText('Leads')).toBeVisible()
  await expect(page.getByRole('grid', { name: 'Pipeline' }).getByRole('columnheader', { name: 'Account' })).toBeVisible()
})
