/** The Eko sandbox and its demo customers (see ./README.md). */
export { startEkoSandbox, NO_FAULTS, SANDBOX_BASE_PATH, TEST_SECRETS_FILE_ENV } from './sandbox';
export type { EkoSandbox, EkoSandboxFaults, EkoSandboxOptions, ReceivedRequest, SandboxEndpoint, SandboxTransaction } from './sandbox';
export { DEMO_CUSTOMERS, DEMO_MESSAGES, demoAadhaar, derivedBalance, scenarioFor } from './demo-customers';
export type { DemoCustomer, DemoScenario } from './demo-customers';
