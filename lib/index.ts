/**
 * pulsecheck: health checks for Node services.
 *
 * A check is a class that extends {@link HealthCheck}; {@link registerHealthCheck}
 * records it; {@link healthModule} binds it into an Inversify container;
 * {@link HealthService.run} runs the checks and returns a {@link HealthReport};
 * the serializers and {@link respond} render it for HTTP.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export type { BackgroundOptions } from './core/BackgroundOptions.js';
export type { CheckContext } from './core/CheckContext.js';
export type { CheckTraits } from './core/CheckTraits.js';
export type { CheckDefinition, HealthCheckClass } from './core/CheckDefinition.js';
export { defaultRegistry } from './core/defaultRegistry.js';
export { HealthCheck } from './core/HealthCheck.js';
export { HealthCheckRegistry } from './core/HealthCheckRegistry.js';
export { healthModule, type HealthModuleOptions } from './core/healthModule.js';
export { HealthService } from './core/HealthService.js';
export { DEFAULT_TIMEOUT_MS, type HealthServiceOptions } from './core/HealthServiceOptions.js';
export { probeResponseBudgetMs } from './core/probeResponseBudgetMs.js';
export { DEFAULT_HISTORY_SIZE, MAX_HISTORY_SIZE } from './core/HealthServiceOptions.js';
export type { RegisterOptions } from './core/RegisterOptions.js';
export type { FailAfter } from './core/FailAfter.js';
export { registerHealthCheck } from './core/registerHealthCheck.js';
export { PROBES, PROBE_TAGS, type Probe } from './core/Probe.js';
export type { ResultListener } from './core/ResultListener.js';
export type { RunOptions } from './core/RunOptions.js';
export type { StatusChangeListener } from './core/StatusChangeListener.js';
export { HEALTH_CHECK, HEALTH_SERVICE_OPTIONS } from './core/tokens.js';

export { HealthCheckError, type HealthCheckErrorOptions } from './errors/HealthCheckError.js';
export { ServiceReturnedUnexpectedResult } from './errors/ServiceReturnedUnexpectedResult.js';
export { ServiceUnavailable } from './errors/ServiceUnavailable.js';
export { ServiceWarning } from './errors/ServiceWarning.js';

export type { CheckError } from './report/CheckError.js';
export { CHECK_ERROR_KINDS, type CheckErrorKind } from './report/CheckErrorKind.js';
export type { CheckHistory } from './report/CheckHistory.js';
export type { CheckResult } from './report/CheckResult.js';
export type { ComponentType } from './report/ComponentType.js';
export type { HealthReport } from './report/HealthReport.js';
export { HEALTH_STATUSES, type HealthStatus } from './report/HealthStatus.js';
export { HISTORY_OUTPUT_MAX_LENGTH, type HistoryEntry } from './report/HistoryEntry.js';
export type { Observation } from './report/Observation.js';
export type { ServiceInfo } from './report/ServiceInfo.js';
export type { SuppressedStatus } from './report/SuppressedStatus.js';

// --- rendering (lib/render) ---
export type { DetailLevel } from './render/DetailLevel.js';
export { FORMAT_NAMES, formats, type Format, type FormatName, type FormatOptions } from './render/formats.js';
export { HealthJsonSerializer, type HealthJsonSerializerOptions } from './render/HealthJsonSerializer.js';
export type { HealthResponse } from './render/HealthResponse.js';
export { HtmlSerializer, type HtmlSerializerOptions } from './render/HtmlSerializer.js';
export { JsonSerializer, type JsonSerializerOptions } from './render/JsonSerializer.js';
export { OpenMetricsSerializer, type OpenMetricsSerializerOptions } from './render/OpenMetricsSerializer.js';
export { respond } from './render/respond.js';
export type { RespondRequest } from './render/RespondRequest.js';
export type { Serializer } from './render/Serializer.js';

// --- process checks (lib/checks/process) ---
export { DiskSpaceHealthCheck } from './checks/process/DiskSpaceHealthCheck.js';
export type { DiskSpaceHealthCheckOptions } from './checks/process/DiskSpaceHealthCheckOptions.js';
export { EventLoopDelayHealthCheck } from './checks/process/EventLoopDelayHealthCheck.js';
export type { EventLoopDelayHealthCheckOptions } from './checks/process/EventLoopDelayHealthCheckOptions.js';
export { MemoryHealthCheck } from './checks/process/MemoryHealthCheck.js';
export type { MemoryHealthCheckOptions } from './checks/process/MemoryHealthCheckOptions.js';
export type { Threshold } from './checks/process/Threshold.js';

// --- HTTP check (lib/checks/http): Node's own fetch, no driver ---
export { HttpHealthCheck } from './checks/http/HttpHealthCheck.js';
export type { HttpHealthCheckOptions, HttpRedirectPolicy, HttpStatusExpectation } from './checks/http/HttpHealthCheckOptions.js';

// --- TCP check (lib/checks/tcp): node:net, no driver ---
export { TcpHealthCheck } from './checks/tcp/TcpHealthCheck.js';
export type { TcpHealthCheckOptions } from './checks/tcp/TcpHealthCheckOptions.js';

// --- any SQL client through a one-line adapter (lib/checks/sql), no driver ---
export { SqlHealthCheck } from './checks/sql/SqlHealthCheck.js';
export type { SqlHealthCheckOptions } from './checks/sql/SqlHealthCheckOptions.js';

// --- notifications (lib/notify) ---
export { attachNotifier } from './notify/attachNotifier.js';
export { ATTACH_NOTIFIER_DEFAULTS } from './notify/attachNotifierDefaults.js';
export type { AttachNotifierOptions } from './notify/AttachNotifierOptions.js';
export { deliverPendingNotifications } from './notify/deliverPendingNotifications.js';
export type { HealthNotification } from './notify/HealthNotification.js';
export type { Notifier } from './notify/Notifier.js';
export type { StatusChange } from './notify/StatusChange.js';
export { WEBHOOK_DEFAULTS } from './notify/webhookDefaults.js';
export type { WebhookFlushResult } from './notify/WebhookFlushResult.js';
export { WebhookNotifier } from './notify/WebhookNotifier.js';
export { WEBHOOK_FORMATS, type WebhookFormat, type WebhookNotifierOptions } from './notify/WebhookNotifierOptions.js';
export type { WebhookNotifierStats } from './notify/WebhookNotifierStats.js';
export { WEBHOOK_PAYLOAD_LIMITS } from './notify/webhookPayloadLimits.js';

// --- HTTP helpers (lib/http) ---
export { createHealthListener } from './http/createHealthListener.js';
export { DEFAULT_HEALTH_ROUTES } from './http/defaultHealthRoutes.js';
export { healthEndpoints, type HealthEndpoints } from './http/healthEndpoints.js';
export type { HealthEndpointsOptions } from './http/HealthEndpointsOptions.js';
export { HEALTH_ENDPOINTS_DEFAULTS } from './http/healthEndpointsDefaults.js';
export type { HealthListenerOptions } from './http/HealthListenerOptions.js';
export type { HealthRequest } from './http/HealthRequest.js';

// --- API tooling (lib/openapi) ---
export type { JsonSchema } from './openapi/JsonSchema.js';
export { openApiDocument, type OpenApiDocument } from './openapi/openApiDocument.js';
export type { OpenApiFragment } from './openapi/OpenApiFragment.js';
export type { OpenApiCheck, OpenApiOptions, OpenApiServer } from './openapi/OpenApiOptions.js';
