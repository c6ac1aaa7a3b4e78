import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import * as XLSX from 'xlsx'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { clickUntil } from './click-until'
import { invoke, pipelineGrid } from './grid-helpers'
import { takingScreenshots } from './screenshotMode'

/**
 * The import wizard and the grid export, driven as a person would: a real
 * Salesforce export (36 opportunities with Salesforce's own stages and lead
 * sources, amounts in US dollars) into the demo workspace.
 */
const SALESFORCE = path.resolve(import.meta.dirname, '../../../shared/fixtures/external/salesforce-sample-export/Opportunity.csv')
const shotsDir = path.resolve(import.meta.dirname, '../../docs/screenshots')

/** A number the dry run shows, e.g. how many rows it would create. */
const countOf = async (page: Page, key: string) => Number((await page.getByTestId(`import-count-${key}`).locator('.ant-statistic-content').innerText()).replace(/\D/g, ''))

const dealsNamed = (page: Page, search: string) =>
  invoke(page.request, 'opportunities.list', { search, offset: 0, limit: 100 })

test('a Salesforce export goes through the wizard into the grid, exports as filtered, and is undone', async ({ page }) => {
  // Four jobs each start a worker thread; under load on two cores that takes a while.
  test.setTimeout(300_000)
  await loadDemoWorkspace(page)
  await page.getByRole('navigation').getByText('导入导出').click()

  // Step 1: the file, through the browser's file chooser and the web host's upload.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择 Excel / CSV 文件' }).click()
  await (await chooser).setFiles(SALESFORCE)
  await expect(page.getByTestId('import-file-summary')).toHaveText('Opportunity.csv · 表头在第 1 行 · 36 行数据', { timeout: 60_000 })
  await expect(page.getByRole('columnheader', { name: 'StageName' })).toBeVisible()
  await page.getByRole('button', { name: '下一步：字段映射' }).click()

  // Step 2: the automatic mapping, with one fix by hand: the amounts are US dollars.
  await expect(page.getByRole('combobox', { name: '导入到字段: StageName' })).toBeVisible()
  await expect(page.getByText('已根据表头自动匹配字段')).toBeVisible()
  const currency = page.getByRole('combobox', { name: '币种: Amount' })
  await currency.fill('USD')
  await currency.press('Enter')
  await expect(page.getByRole('region', { name: '导入导出' }).getByTitle('USD')).toBeVisible()
  await page.getByRole('button', { name: '开始预检' }).click()

  // Step 3: a dry run. Salesforce's stages and sources are unknown here, so rows are rejected, with reasons.
  await expect(page.getByTestId('import-count-rows')).toContainText('36', { timeout: 60_000 })
  expect(await countOf(page, 'reject')).toBeGreaterThan(0)
  await expect(page.getByRole('cell', { name: '找不到该阶段。' }).first()).toBeVisible()
  await expect(page.getByRole('button', { name: '下载错误行' })).toBeVisible()

  // Back to the options: create what is unknown; the dry run now takes every row and lists what it adds.
  await page.getByRole('button', { name: '返回修改映射' }).click()
  await page.getByRole('radio', { name: '自动新建' }).check()
  await page.getByRole('button', { name: '开始预检' }).click()
  await expect(page.getByText('没有被拒绝的行。')).toBeVisible({ timeout: 60_000 })
  expect(await countOf(page, 'create')).toBe(36)
  expect(await countOf(page, 'reject')).toBe(0)
  await expect(page.getByText(/^阶段：Prospecting, Qualification/)).toBeVisible()
  if (takingScreenshots) {
    await page.mouse.move(0, 0)
    await page.screenshot({ path: path.join(shotsDir, 'import-preview.png'), fullPage: false })
  }

  // Step 4: the import, with progress while the core reads and writes.
  await page.getByRole('button', { name: '导入 36 条' }).click()
  await expect(page.getByTestId('job-progress')).toBeVisible()
  await expect(page.getByTestId('import-result')).toContainText('新建 36 条', { timeout: 60_000 })
  const imported = await dealsNamed(page, 'United Oil')
  expect(imported.total).toBe(10)
  expect(imported.rows.find((d) => d.name === 'United Oil Office Portable Generators')).toMatchObject({ amount: 125000, currency: 'USD' })

  // The imported rows in the grid.
  await page.getByRole('button', { name: '在商机列表中查看' }).click()
  const grid = pipelineGrid(page)
  await page.getByRole('textbox', { name: '快速搜索' }).fill('United Oil')
  await expect(page.getByTestId('grid-total')).toHaveText('共 10 条')
  await expect(grid.getByText('United Oil Office Portable Generators')).toBeVisible()

  // Export the filtered grid; the file holds the rows and the columns shown.
  // The headers rendered now (the grid renders the columns near the viewport), without the row-number gutter.
  const shownHeaders = (await grid.getByRole('columnheader').allInnerTexts()).map((text) => text.trim()).filter((text) => text && text !== '#')
  const download = page.waitForEvent('download')
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)')
  await clickUntil(page.getByRole('menuitem', { name: '导出为 Excel（.xlsx）' }), () => expect(menu).toBeHidden({ timeout: 3_000 }), {
    opener: page.getByRole('button', { name: '导出', exact: true }),
  })
  const file = await (await download).path()
  const sheet = XLSX.read(fs.readFileSync(file)).Sheets['商机']!
  const [headers, ...rows] = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })
  expect(headers![0]).toBe('workbench_id')
  expect(headers!.slice(1, 1 + shownHeaders.length)).toEqual(shownHeaders)
  expect(rows).toHaveLength(10)
  expect(rows.map((row) => row[headers!.indexOf('商机名称')]).sort()).toEqual(imported.rows.map((d) => d.name).sort())

  // Undo the import from the history: the rows are gone.
  await page.getByRole('navigation').getByText('导入导出').click()
  await page.getByRole('button', { name: '撤销: Opportunity.csv' }).click()
  await clickUntil(page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }), page.getByText('已撤销：删除 36 条'))
  await expect(page.getByRole('cell', { name: '已撤销' })).toBeVisible()
  expect((await dealsNamed(page, 'United Oil')).total).toBe(0)
  await page.getByRole('navigation').getByText('商机', { exact: true }).click()
  await page.getByRole('textbox', { name: '快速搜索' }).fill('United Oil')
  await expect(page.getByTestId('grid-total')).toHaveText('共 0 条')
})

test('a file that is not a spreadsheet is refused with the reason, and nothing is imported', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/#/import-export')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择 Excel / CSV 文件' }).click()
  await (await chooser).setFiles(path.resolve(import.meta.dirname, '../../../shared/fixtures/external/calamine-tests/too_small.xls'))
  await expect(page.getByText(/^无法导入该文件，原因见详情。数据库未被修改。\s*\S/)).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('import-file-summary')).toHaveCount(0)
  expect(await invoke(page.request, 'imports.history', {})).toEqual([])
})
