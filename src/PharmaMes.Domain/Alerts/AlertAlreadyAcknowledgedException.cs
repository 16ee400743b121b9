using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Alerts;

/// <summary>A second acknowledgement of an alert: the first one stands, with who gave it and when.</summary>
public sealed class AlertAlreadyAcknowledgedException(string message) : DomainException(message);
