import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '../fixtures'
import { invoke } from './grid-helpers'
import { takingScreenshots } from './screenshotMode'
import { historyText, isoDay, pickCurrentUser, prepareWorkspace, snap } from './loop-helpers'

const NAME = '苏州明远精密机械有限公司'
const DEAL = '明远 MES 二期'

/** An account with a won deal whose first instalment is past due and partly paid. */
async function accountWithContract(request: APIRequestContext, ownerId: number) {
  const account = await invoke(request, 'accounts.create', { name: NAME, ownerId })
  const contact = await invoke(request, 'contacts.create', { name: '陈立', accountId: account.id, title: '采购经理' })
  const stages = await invoke(request, 'stages.list', {})
  const deal = await invoke(request, 'opportunities.create', {
    name: DEAL,
    stageId: stages.find((s) => s.kind === 'open')!.id,
    accountId: account.id,
    contactId: contact.id,
    ownerId,
  })
  const won = await invoke(request, 'opportunities.win', {
    id: deal.id,
    version: deal.version,
    contract: {
      number: 'HT-MY-001',
      amount: 100000,
      signedDate: isoDay(-60),
      plan: [
        { dueDate: isoDay(-10), amount: 30000 },
        { dueDate: isoDay(30), amount: 70000 },
      ],
    },
  })
  await invoke(request, 'payments.record', { contractId: won.contract.contract.id, receivedDate: isoDay(-5), amount: 10000 })
  return { account, contact }
}

const accountDetail = (request: APIRequestContext, id: number) => invoke(request, 'accounts.detail', { id })

test('an account’s drawer: outstanding and overdue, satisfaction, an edited field, a follow-up, its history and links', async ({ page, request }) => {
  test.setTimeout(180_000)
  const { first } = await prepareWorkspace(request)
  const { account, contact } = await accountWithContract(request, first.id)
  const { totals } = await invoke(request, 'contracts.list', { accountId: account.id })
  expect(totals).toMatchObject({ balance: 90000, overdue: 20000 })
  await page.goto('/#/accounts')
  await pickCurrentUser(page, first)

  // Row open from the accounts grid.
  await page.getByRole('textbox', { name: '快速搜索' }).fill(NAME)
  await page.getByRole('button', { name: `打开“${NAME}”` }).click()
  const drawer = page.getByRole('dialog', { name: NAME })
  await expect(drawer).toBeVisible()
  await expect(drawer.getByLabel('生命周期')).toHaveText('成交客户')

  await test.step('outstanding and overdue amounts show', async () => {
    await expect(drawer.locator('.ant-statistic').filter({ hasText: '未回款合计' })).toContainText('90,000')
    await expect(drawer.locator('.ant-statistic').filter({ hasText: '逾期合计' })).toContainText('20,000')
    await drawer.getByRole('tab', { name: '合同与回款' }).click()
    await expect(drawer.getByTestId('contract-card')).toContainText('合同 HT-MY-001')
    await drawer.getByRole('tab', { name: '概览' }).click()
  })

  await test.step('a satisfaction score of 4', async () => {
    const stars = drawer.getByRole('list', { name: '客户满意度' })
    await stars.getByRole('radio').nth(3).click()
    await expect.poll(async () => (await accountDetail(request, account.id)).account.satisfaction).toBe(4)
    await expect(stars.locator('.ant-rate-star-full')).toHaveCount(4)
  })

  await test.step('a field edited and saved against its version', async () => {
    await drawer.getByLabel('网址').fill('https://mingyuan.example.cn')
    await drawer.getByRole('button', { name: '保存修改' }).click()
    await expect(page.getByText(`“${NAME}”已保存`)).toBeVisible()
    const saved = (await accountDetail(request, account.id)).account
    expect(saved.website).toBe('https://mingyuan.example.cn')
    // The form now holds the new version: a second edit goes through too.
    await expect(drawer.getByLabel('网址')).toHaveValue('https://mingyuan.example.cn')
    await drawer.getByLabel('地址').fill('苏州工业园区星湖街 88 号')
    await drawer.getByRole('button', { name: '保存修改' }).click()
    await expect.poll(async () => (await accountDetail(request, account.id)).account.address).toBe('苏州工业园区星湖街 88 号')
  })

  await test.step('a follow-up logged from the drawer', async () => {
    await drawer.getByRole('button', { name: '记录跟进' }).click()
    const entry = page.getByRole('dialog', { name: `记录跟进：${NAME}` })
    await entry.getByLabel('跟进内容').fill('回访二期上线情况，客户满意，提到三期预算')
    await entry.getByRole('button', { name: '保存跟进' }).click()
    await expect(entry).toBeHidden()
    await drawer.getByRole('tab', { name: /跟进记录/ }).click()
    await expect(drawer.getByTestId('follow-up-timeline')).toContainText('回访二期上线情况')
    expect((await accountDetail(request, account.id)).activities.map((a) => a.content)).toEqual(['回访二期上线情况，客户满意，提到三期预算'])
  })

  await test.step('the history lists the edits, the rating, the follow-up and the contract', async () => {
    if (takingScreenshots) {
      await drawer.getByRole('tab', { name: '概览' }).click()
      await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 })
      await snap(page, 'account-drawer')
    }
    const text = await historyText(drawer)
    expect(text).toContain('网址：— → https://mingyuan.example.cn')
    expect(text).toContain('满意度：— → 4')
    expect(text).toContain('创建跟进')
    expect(text).toContain('创建合同')
  })

  await test.step('its deal and contact open from the drawer, and the contact links back', async () => {
    await drawer.getByRole('tab', { name: /联系人/ }).click()
    await drawer.getByRole('button', { name: `打开“${contact.name}”` }).click()
    const contactDrawer = page.getByRole('dialog', { name: contact.name })
    await expect(contactDrawer.getByLabel('职位')).toHaveValue('采购经理')
    await contactDrawer.getByRole('tab', { name: /商机/ }).click()
    await expect(contactDrawer.getByTestId('record-deals')).toContainText(DEAL)
    await contactDrawer.getByRole('tab', { name: '概览' }).click()
    await contactDrawer.getByLabel('微信').fill('chenli_sz')
    await contactDrawer.getByRole('button', { name: '保存修改' }).click()
    await expect(page.getByText(`“${contact.name}”已保存`)).toBeVisible()
    const saved = await invoke(request, 'contacts.detail', { id: contact.id })
    expect(saved.contact).toMatchObject({ wechat: 'chenli_sz', accountId: account.id })
    await page.keyboard.press('Escape')
    await expect(contactDrawer).toBeHidden()

    await drawer.getByRole('tab', { name: /商机/ }).click()
    await drawer.getByRole('button', { name: `打开“${DEAL}”` }).click()
    const dealDrawer = page.getByRole('dialog', { name: DEAL })
    await dealDrawer.getByRole('tab', { name: '客户与联系人' }).click()
    await expect(dealDrawer.getByRole('button', { name: `打开“${NAME}”` })).toBeVisible()
  })
})

test('the contacts grid and Ctrl+K open the records’ own drawers; the account’s custom fields save', async ({ page, request }) => {
  test.setTimeout(180_000)
  const { first } = await prepareWorkspace(request)
  const { account, contact } = await accountWithContract(request, first.id)
  await invoke(request, 'customFields.create', { entity: 'account', key: 'tax_no', type: 'text', labelZh: '税号', labelEn: 'Tax number' })
  await page.goto('/#/contacts')

  await page.getByRole('textbox', { name: '快速搜索' }).fill(contact.name)
  await page.getByRole('button', { name: `打开“${contact.name}”` }).click()
  const contactDrawer = page.getByRole('dialog', { name: contact.name })
  await expect(contactDrawer.getByRole('button', { name: `打开“${NAME}”` })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(contactDrawer).toBeHidden()

  await page.keyboard.press('ControlOrMeta+K')
  await page.getByRole('combobox', { name: '搜索客户、联系人、线索和商机' }).fill('明远')
  await page.getByRole('group', { name: '客户' }).getByRole('option', { name: new RegExp(NAME) }).click()
  const accountDrawer = page.getByRole('dialog', { name: NAME })
  await expect(accountDrawer.getByRole('tab', { name: '合同与回款' })).toBeVisible()
  await expect(accountDrawer.getByLabel('客户名称')).toHaveValue(NAME)

  await accountDrawer.getByRole('tab', { name: '自定义字段' }).click()
  await accountDrawer.getByLabel('税号').fill('91320594MA1XYZ0001')
  await accountDrawer.getByRole('button', { name: '保存自定义字段' }).click()
  await expect(page.getByText('自定义字段已保存')).toBeVisible()
  expect((await invoke(request, 'accounts.detail', { id: account.id })).account.custom).toMatchObject({
    tax_no: '91320594MA1XYZ0001',
  })
})
