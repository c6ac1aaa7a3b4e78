import { loopAgendaMethods } from './loop/agenda'
import { loopConfigMethods } from './loop/config'
import { loopContractMethods } from './loop/contracts'
import { loopLeadMethods } from './loop/leads'
import { loopMergeMethods } from './loop/merge'
import { loopSearchMethods } from './loop/search'

export * from './loop/agenda'
export * from './loop/config'
export * from './loop/contracts'
export * from './loop/leads'
export * from './loop/merge'
export * from './loop/search'

/** The closed loop: capture → nurture → convert → close → repurchase, with its rules and its trace. */
export const loopMethods = {
  ...loopConfigMethods,
  ...loopLeadMethods,
  ...loopMergeMethods,
  ...loopContractMethods,
  ...loopAgendaMethods,
  ...loopSearchMethods,
} as const
