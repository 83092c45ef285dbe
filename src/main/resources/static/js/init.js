// Starts GOV.UK Frontend's components (error summary focus, password reveal, header menu, ...).
// Every page works without it. The path has no version: webjars-locator-lite resolves it.
import { initAll } from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();
