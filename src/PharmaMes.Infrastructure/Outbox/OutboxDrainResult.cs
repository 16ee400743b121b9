namespace PharmaMes.Infrastructure.Outbox;

/// <summary>What one run of the dispatcher did: attempts made, of which delivered and failed.</summary>
public sealed record OutboxDrainResult(int Attempted, int Delivered, int Failed)
{
    public static readonly OutboxDrainResult Nothing = new(0, 0, 0);

    public static OutboxDrainResult operator +(OutboxDrainResult a, OutboxDrainResult b) =>
        new(a.Attempted + b.Attempted, a.Delivered + b.Delivered, a.Failed + b.Failed);
}
