export { ConsoleModule } from './console.module.js';
export { consoleSettingsOf, type ConsoleSettings } from './console.settings.js';
export { contentSecurityPolicyOf } from './console-headers.js';
