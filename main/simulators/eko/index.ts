/** The Eko sandbox and its demo customers and agents (see ./README.md). */
export { startEkoSandbox, SANDBOX_BASE_PATH } from './sandbox';
export type { DailyAuthState, EkoSandbox, EkoSandboxOptions, ReceivedRequest, SandboxTransaction } from './sandbox';
export { NO_FAULTS } from './faults';
export type { EkoSandboxFaults, SandboxEndpoint } from './faults';
export { ENQUIRY_FIELDS, DAILY_AUTH_FIELDS, pidCarriesWadh } from './checks';
export type { SandboxEdition } from './checks';
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
