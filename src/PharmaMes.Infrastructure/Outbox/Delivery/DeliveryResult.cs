namespace PharmaMes.Infrastructure.Outbox.Delivery;

/// <summary>What one attempt to hand a message to the ERP came to; Error says why when it failed.</summary>
public sealed record DeliveryResult(bool Succeeded, string? Error)
{
    public static readonly DeliveryResult Success = new(true, null);
    public static DeliveryResult Failure(string error) => new(false, error);
}
