namespace PharmaMes.Web.Endpoints;

/// <summary>The body of <c>POST /api/v1/alerts/{id}/acknowledge</c>: an optional comment, e.g. what is being done about it.</summary>
public sealed record AlertAcknowledgementRequest(string? Comment);
