import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PicklistItem, Stage, User } from '../../../../../shared/entities'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useReferenceData } from './useReferenceData'

export interface Labels {
  /** Picks the Chinese or English name of a bilingual record. */
  bilingual(zh: string, en: string): string
  userName(id: number | null | undefined): string | undefined
  stageName(id: number | null | undefined): string | undefined
  pipelineName(id: number | null | undefined): string | undefined
  picklistLabel(listKey: string, value: string | null | undefined): string | undefined
  picklistItems(listKey: string): PicklistItem[]
  /** Label of an enum value, from the `enum.<enumName>.<value>` translations. */
  enumLabel(enumName: string, value: string | null | undefined): string | undefined
}

/** Turns ids and codes into words in the current language. */
export function useLabels(): Labels {
  const { locale } = usePreferences()
  const { users, pipelines, stages, picklists } = useReferenceData()
  const { t, i18n } = useTranslation()

  return useMemo(() => {
    const zh = locale === 'zh-CN'
    const bilingual = (zhText: string, enText: string) => (zh ? zhText : enText || zhText)
    const usersById = new Map<number, User>(users.map((u) => [u.id, u]))
    const stagesById = new Map<number, Stage>(stages.map((s) => [s.id, s]))
    const picklistByKey = groupByListKey(picklists)

    return {
      bilingual,
      userName(id) {
        const user = id == null ? undefined : usersById.get(id)
        return user && (zh ? user.name : (user.nameEn ?? user.name))
      },
      stageName(id) {
        const stage = id == null ? undefined : stagesById.get(id)
        return stage && bilingual(stage.nameZh, stage.nameEn)
      },
      pipelineName(id) {
        const pipeline = pipelines.find((p) => p.id === id)
        return pipeline && bilingual(pipeline.nameZh, pipeline.nameEn)
      },
      picklistLabel(listKey, value) {
        if (value == null) return undefined
        const item = picklistByKey.get(listKey)?.find((i) => i.value === value)
        return item ? bilingual(item.labelZh, item.labelEn) : value
      },
      picklistItems: (listKey) => picklistByKey.get(listKey) ?? [],
      enumLabel(enumName, value) {
        if (value == null) return undefined
        const key = `enum.${enumName}.${value}`
        return i18n.exists(key) ? t(key) : value
      },
    }
  }, [locale, users, pipelines, stages, picklists, t, i18n])
}

function groupByListKey(items: PicklistItem[]): Map<string, PicklistItem[]> {
  const groups = new Map<string, PicklistItem[]>()
  for (const item of items) groups.set(item.listKey, [...(groups.get(item.listKey) ?? []), item])
  return groups
}
