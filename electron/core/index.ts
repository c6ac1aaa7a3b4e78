export { openCore, type Core, type CoreOptions, type Surface } from './core'
export { dispatch } from './api/dispatch'
export { AppError } from './errors'
