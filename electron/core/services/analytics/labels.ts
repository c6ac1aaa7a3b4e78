import type { Pipeline, Stage } from '../../../../shared/entities'
import type { Locale } from '../../../../shared/enums'
import type { Core } from '../../core'
import { listPicklists, listUsers } from '../../store/reference'

/** Names of stages, users and picklist values in the caller's language. */
export interface Labels {
  stage(id: number | null): string
  pipeline(id: number): string
  user(id: number | null): string
  pick(listKey: string, value: string | null): string
  text(value: string | null): string
}

const blank: Record<Locale, string> = { 'zh-CN': '（空）', en: '(blank)' }
const unassigned: Record<Locale, string> = { 'zh-CN': '未分配', en: 'Unassigned' }

export function makeLabels(core: Core, locale: Locale, stages: Stage[], pipelines: Pipeline[]): Labels {
  const zh = locale === 'zh-CN'
  const stageNames = new Map(stages.map((s) => [s.id, zh ? s.nameZh : s.nameEn]))
  const pipelineNames = new Map(pipelines.map((p) => [p.id, zh ? p.nameZh : p.nameEn]))
  const users = new Map(listUsers(core.db).map((u) => [u.id, zh ? u.name : (u.nameEn ?? u.name)]))
  const picks = new Map(listPicklists(core.db).map((p) => [`${p.listKey}\u0000${p.value}`, zh ? p.labelZh : p.labelEn]))
  return {
    stage: (id) => (id === null ? blank[locale] : (stageNames.get(id) ?? `#${id}`)),
    pipeline: (id) => pipelineNames.get(id) ?? `#${id}`,
    user: (id) => (id === null ? unassigned[locale] : (users.get(id) ?? `#${id}`)),
    pick: (listKey, value) => (value === null ? blank[locale] : (picks.get(`${listKey}\u0000${value}`) ?? value)),
    text: (value) => (value === null || value === '' ? blank[locale] : value),
  }
}
