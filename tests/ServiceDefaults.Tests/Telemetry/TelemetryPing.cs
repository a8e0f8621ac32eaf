namespace Changxing.ServiceDefaults.Tests.Telemetry;

/// <summary>A message published by a request, so one trace crosses ASP.NET Core and MassTransit.</summary>
public sealed record TelemetryPing(Guid Id);
