import { expect, type Locator, type Page } from '@playwright/test'

interface Options {
  /** Clicked first whenever the target is not on screen: the select, button or menu that shows it. */
  opener?: Locator
  timeout?: number
}

/**
 * Clicks until the screen shows the result. On a loaded machine a click that
 * lands while an antd select, dropdown, popover or confirmation is still
 * animating open is lost, so the click is tried again until `shows` holds: a
 * locator that becomes visible (nothing is clicked once it is) or an
 * expectation. Without an opener a target not on screen is not clicked: it
 * has not appeared yet, or the click landed and took it away.
 */
export async function clickUntil(target: Locator, shows: Locator | (() => Promise<void>), { opener, timeout = 20_000 }: Options = {}): Promise<void> {
  const result = typeof shows === 'function' ? shows : () => expect(shows).toBeVisible({ timeout: 2_000 })
  await expect(async () => {
    if (typeof shows !== 'function' && (await shows.isVisible())) return
    if (await target.isVisible()) await target.click({ timeout: 3_000 })
    else if (opener) {
      await opener.click()
      await target.click({ timeout: 3_000 })
    }
    await result()
  }).toPass({ timeout })
}

/** Picks an option of an antd select (its items are titled by their labels) and waits until the select shows it. */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const root = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]')
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true })
  await clickUntil(item, () => expect(root).toContainText(option, { timeout: 2_000 }), { opener: select })
}
