namespace PharmaMes.Web.Endpoints;

/// <summary>A page of outbound messages, newest first, with the counts per status; <c>nextBefore</c> asks for the next page.</summary>
public sealed record OutboxPageResource(
    IReadOnlyList<OutboxMessageResource> Messages, int Pending, int Failed, int Delivered, DateTimeOffset? OldestUndeliveredAt, long? NextBefore);
