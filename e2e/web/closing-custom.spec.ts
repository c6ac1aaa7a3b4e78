import { expect, test } from '../fixtures'
import { chooseOption, clickUntil } from './click-until'
import { invoke } from './grid-helpers'
import { pickCurrentUser, prepareWorkspace } from './loop-helpers'

/** The win and lose dialogs ask for the custom fields their stage requires, and save them with the move. */
test('winning and losing ask for the custom fields the won and lost stages require', async ({ page, request }) => {
  test.setTimeout(120_000)
  const { first } = await prepareWorkspace(request)
  const pipeline = (await invoke(request, 'pipelines.list', {})).find((p) => p.key === 'new_business')!
  const stages = (await invoke(request, 'stages.list', { pipelineId: pipeline.id }))
  const stageOf = (kind: 'open' | 'won' | 'lost') => stages.find((s) => s.kind === kind)!
  await invoke(request, 'customFields.create', {
    entity: 'opportunity', key: 'po_number', type: 'text', labelZh: '采购单号', labelEn: 'PO number', requiredStageIds: [stageOf('won').id],
  })
  await invoke(request, 'customFields.create', {
    entity: 'opportunity', key: 'lost_channel', type: 'picklist', picklistKey: 'source', labelZh: '流失渠道', labelEn: 'Lost channel', requiredStageIds: [stageOf('lost').id],
  })
  const create = (name: string) => invoke(request, 'opportunities.create', { name, stageId: stageOf('open').id, amount: 80_000, ownerId: first.id }, first.id)
  const winning = await create('星河物流 仓储管理系统')
  const losing = await create('星河物流 运输调度系统')

  await page.goto('/#/pipeline')
  await pickCurrentUser(page, first)
  const openDrawer = async (name: string) => {
    await page.getByRole('textbox', { name: '快速搜索' }).fill(name)
    await page.getByRole('button', { name: `打开“${name}”` }).click()
    const drawer = page.getByRole('dialog', { name })
    await expect(drawer).toBeVisible()
    return drawer
  }

  const winDrawer = await openDrawer(winning.name)
  await winDrawer.getByRole('button', { name: '赢单' }).click()
  const win = page.getByRole('dialog', { name: `赢单：${winning.name}` })
  await win.getByLabel('合同编号').fill('HT-XH-001')
  await win.getByRole('button', { name: '确认赢单' }).click()
  await expect(win.getByText('此项为必填')).toBeVisible()
  await win.getByLabel('采购单号').fill('PO-2026-778')
  await win.getByRole('button', { name: '确认赢单' }).click()
  await expect(win).toBeHidden()
  expect(await invoke(request, 'opportunities.get', { id: winning.id })).toMatchObject({ stageKind: 'won', custom: { po_number: 'PO-2026-778' } })
  await page.keyboard.press('Escape')
  await expect(winDrawer).toBeHidden()

  const loseDrawer = await openDrawer(losing.name)
  await loseDrawer.getByRole('button', { name: '输单' }).click()
  const lose = page.getByRole('dialog', { name: `输单：${losing.name}` })
  await chooseOption(page, lose.getByLabel('输单原因'), '价格过高')
  await chooseOption(page, lose.getByLabel('流失渠道'), '官网')
  await clickUntil(lose.getByRole('button', { name: '确认输单' }), async () => expect(lose).toBeHidden({ timeout: 2_000 }))
  expect(await invoke(request, 'opportunities.get', { id: losing.id })).toMatchObject({ stageKind: 'lost', lossReason: 'price', custom: { lost_channel: 'website' } })
})
