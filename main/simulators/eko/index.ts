/** The Eko sandbox and its demo customers and agents (see ./README.md). */
export { startEkoSandbox, NO_FAULTS, SANDBOX_BASE_PATH, TEST_SECRETS_FILE_ENV, ENQUIRY_FIELDS, DAILY_AUTH_FIELDS, pidCarriesWadh } from './sandbox';
export type { DailyAuthState, EkoSandbox, EkoSandboxFaults, EkoSandboxOptions, ReceivedRequest, SandboxEdition, SandboxEndpoint, SandboxTransaction } from './sandbox';
export { istDay, ekoDateTime } from './answers';
export {
  DAILY_AUTH_REASONS,
  DEMO_AGENTS,
  DEMO_CUSTOMERS,
  DEMO_MESSAGES,
  agentScenarioFor,
  demoAadhaar,
  demoAgentAadhaar,
  derivedBalance,
  scenarioFor,
} from './demo-customers';
export type { DemoAgent, DemoAgentScenario, DemoCustomer, DemoCustomerKey, DemoScenario, RefusalShape } from './demo-customers';
