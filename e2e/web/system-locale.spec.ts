import { expect, test } from '../fixtures'

test.use({ locale: 'en-US' })

test('with no saved language, an English browser gets the English screen', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('navigation').getByText('Pipeline')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Load demo workspace' })).toBeVisible()

  await page.getByRole('button', { name: 'New opportunity' }).click()
  const drawer = page.getByRole('dialog', { name: 'New opportunity' })
  await drawer.getByRole('button', { name: 'Create opportunity' }).click()
  await expect(drawer.getByText('This field is required')).toBeVisible()
})
