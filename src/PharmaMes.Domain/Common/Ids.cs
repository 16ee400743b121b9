namespace PharmaMes.Domain.Common;

/// <summary>Keys are version 7 GUIDs: unique without a round trip, and they sort by creation time.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
