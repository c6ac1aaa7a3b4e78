/** Screenshots for the README are written only on request: WORKBENCH_SCREENSHOTS=1. */
export const takingScreenshots = process.env.WORKBENCH_SCREENSHOTS === '1'
