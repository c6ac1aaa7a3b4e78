import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, expect, type Page } from '@playwright/test'
import { startWebHost } from '../electron/web/server'
import { chromiumPath, ensurePlaywrightChromium } from '../e2e/browser'
import { clickUntil } from '../e2e/web/click-until'
import type { FigureKey } from './figures'
import { round } from './stats'
import { openBenchCore } from './workspace'

const root = path.resolve(import.meta.dirname, '..')
const webDir = path.join(root, 'out/web')

/** The newest modification time under `dir` (recursively), for deciding whether out/web is stale. */
function newest(dir: string): number {
  let latest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs)
  }
  return latest
}

/** Builds the web renderer when out/web is missing or older than its sources. */
export function ensureWebBuild(log: (line: string) => void): void {
  const index = path.join(webDir, 'index.html')
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
  const sources = Math.max(newest(path.join(root, 'renderer')), newest(path.join(root, 'shared')))
  if (built >= sources) return
  log('Building the web renderer (out/web is missing or stale) …')
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'renderer/vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * Timers that run inside the page, frame by frame, so the figures are what
 * the person sees and not Playwright's round trips. Plain JavaScript: the
 * bench compiles without DOM types.
 */
const pageTimers = `
window.__wbBench = {
  /** Clicks a navigation entry and resolves with the ms until selector matches. */
  navigate(text, selector) {
    return new Promise((resolve, reject) => {
      const item = [...document.querySelectorAll('nav [role="menuitem"]')].find((el) => el.textContent.trim() === text)
      if (!item) return reject(new Error('no menu item ' + text))
      const t0 = performance.now()
      item.click()
      const check = () => (document.querySelector(selector) ? resolve(performance.now() - t0) : requestAnimationFrame(check))
      requestAnimationFrame(check)
    })
  },
  /** Clicks a control and resolves with the ms until the grid's first row is another record. */
  rowsChange(selector) {
    return new Promise((resolve, reject) => {
      const firstId = () => document.querySelector('[role="grid"] [role="rowgroup"] [role="row"][data-row-id]')?.getAttribute('data-row-id')
      const before = firstId()
      const target = document.querySelector(selector)
      if (!target) return reject(new Error('nothing matches ' + selector))
      const t0 = performance.now()
      target.click()
      const check = () => {
        const now = firstId()
        if (now && now !== before) resolve(performance.now() - t0)
        else if (performance.now() - t0 > 15000) reject(new Error('rows did not change'))
        else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
  },
}
`

interface PageTimers {
  __wbBench: { navigate(text: string, selector: string): Promise<number>; rowsChange(selector: string): Promise<number> }
}

function timeNavigation(page: Page, navText: string, selector: string): Promise<number> {
  return page.evaluate(([text, sel]) => (globalThis as unknown as PageTimers).__wbBench.navigate(text, sel), [navText, selector] as const)
}

function timeRowsChange(page: Page, clickSelector: string): Promise<number> {
  return page.evaluate((sel) => (globalThis as unknown as PageTimers).__wbBench.rowsChange(sel), clickSelector)
}

/** A row of the opportunities grid itself (not of the screen it came from). */
const ROW = '[role="grid"][aria-label="商机"] [role="row"][data-row-id]'
const CARD = '[data-testid="kanban-card"]'
const DASHBOARD_DRAWN = '[data-testid="chart-funnel"] [data-drawn="true"]'

export interface BrowserFigures {
  figures: Partial<Record<FigureKey, number>>
  notes: string[]
}

/**
 * The grid and the board in Chromium, against the web host on the bench
 * workspace: first rows after navigating, a sort or filter change, the DOM
 * size while showing every row, and the board's first paint.
 */
export async function browserFigures(file: string, log: (line: string) => void): Promise<BrowserFigures> {
  ensureWebBuild(log)
  ensurePlaywrightChromium()
  const core = await openBenchCore(file)
  const host = await startWebHost({ core, port: 0, staticDir: webDir })
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  })
  const notes: string[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await page.addInitScript(pageTimers)

    // Cold: a fresh page load straight onto the grid (bundle, settings, reference data, rows).
    const coldStart = Date.now()
    await page.goto(`${host.url}/#/pipeline`)
    await page.locator(ROW).first().waitFor({ timeout: 120_000 })
    const cold = Date.now() - coldStart
    notes.push(`grid cold load (page.goto → first rows, including the 2 MB bundle): ${cold} ms.`)

    // Warm: from another screen of the running app to the opportunities grid, as a rep navigates.
    const warm: number[] = []
    for (let i = 0; i < 5; i += 1) {
      await page.locator('nav [role="menuitem"]', { hasText: '客户' }).first().click()
      await page.locator('[role="grid"][aria-label="客户"] [role="row"][data-row-id]').first().waitFor()
      warm.push(await timeNavigation(page, '商机', ROW))
    }
    log(`  first rows after navigating: ${warm.map((v) => round(v, 0)).join(', ')} ms`)

    // Sort and filter changes: click → a different first row on screen.
    const changes: number[] = []
    const sortButton = (label: string) => `[role="columnheader"][aria-label="${label}"] button.wb-grid-sort`
    for (const label of ['金额', '金额', '商机名称', '商机名称', '预计成交日期', '预计成交日期', '更新时间']) {
      await page.waitForTimeout(200)
      changes.push(await timeRowsChange(page, sortButton(label)))
    }
    // A filter: open the stage filter, tick a stage, then time the Apply click.
    const stageFilter = page.locator('[role="columnheader"][aria-label="阶段"] button.wb-grid-filter')
    const stage = page.getByRole('checkbox', { name: '新客户 · 商务谈判' })
    // A tick that lands while the filter popover is still animating open is lost: tick until it shows.
    await clickUntil(stage, () => expect(stage).toBeChecked({ timeout: 2_000 }), { opener: stageFilter })
    changes.push(await timeRowsChange(page, '[data-testid="column-filter-editor"] button.ant-btn-primary'))
    log(`  sort/filter → new rows: ${changes.map((v) => round(v, 0)).join(', ')} ms`)
    notes.push(`grid_sort_filter_ms: median of ${changes.length} changes (7 header sorts, 1 stage filter); max ${round(Math.max(...changes), 0)} ms.`)

    // Every row: clear the filter, sort by amount, scroll to the middle and the end.
    await page.getByRole('button', { name: /清除全部筛选/ }).click()
    await page.waitForTimeout(500)
    const total = Number((await page.getByTestId('grid-total').innerText()).replace(/\D/g, ''))
    const domRows: number[] = []
    for (const at of [0.5, 1]) {
      await page.locator('[role="grid"]').evaluate((el, f) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) * f }), at)
      await page.waitForTimeout(800)
      await page.locator('[role="grid"] [role="row"][data-row-id]').first().waitFor()
      domRows.push(await page.locator('[role="grid"] [role="rowgroup"] [role="row"]').count())
    }
    notes.push(`grid_dom_rows: row elements after scrolling to the middle and the end of ${total} rows: ${domRows.join(', ')}.`)

    // The board: from the grid to the first card.
    const board: number[] = []
    for (let i = 0; i < 3; i += 1) {
      await page.locator('nav [role="menuitem"]', { hasText: '客户' }).first().click()
      await page.locator('[role="grid"][aria-label="客户"] [role="row"][data-row-id]').first().waitFor()
      board.push(await timeNavigation(page, '销售看板', CARD))
    }
    log(`  kanban first cards: ${board.map((v) => round(v, 0)).join(', ')} ms`)
    const cards = await page.locator(CARD).count()
    notes.push(`kanban_first_paint_ms: median of 3 navigations to the board; ${cards} card elements in the DOM for the first pipeline.`)

    // The dashboard: from another screen to the funnel drawn with its figures (every chart is computed by then).
    const dashboard: number[] = []
    for (let i = 0; i < 3; i += 1) {
      await page.locator('nav [role="menuitem"]', { hasText: '客户' }).first().click()
      await page.locator('[role="grid"][aria-label="客户"] [role="row"][data-row-id]').first().waitFor()
      dashboard.push(await timeNavigation(page, '仪表盘', DASHBOARD_DRAWN))
    }
    log(`  dashboard first paint: ${dashboard.map((v) => round(v, 0)).join(', ')} ms`)
    notes.push('dashboard_first_paint_ms: median of 3 navigations to the dashboard (default filters) until the funnel is drawn with its figures.')

    return {
      figures: {
        dashboard_first_paint_ms: round(median(dashboard)),
        grid_first_rows_ms: round(median(warm)),
        grid_sort_filter_ms: round(median(changes)),
        grid_dom_rows: Math.max(...domRows),
        kanban_first_paint_ms: round(median(board)),
      },
      notes,
    }
  } finally {
    await browser.close()
    await host.close()
    core.close()
  }
}
