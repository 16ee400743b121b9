namespace PharmaMes.Domain.Plant;

/// <summary>
/// How a unit was cleaned. A minor cleaning is enough between batches of the same product within
/// the dirty hold time; a major cleaning (or CIP/SIP) is needed after a product change or a long
/// dirty hold.
/// </summary>
public enum CleaningMethod
{
    Minor,
    Major,
    ProductChangeover,
    /// <summary>Clean-in-place or steam-in-place, reported by the equipment itself.</summary>
    CleanInPlace,
}

public static class CleaningMethods
{
    /// <summary>Whether the method removes the previous product fully (anything but a minor cleaning).</summary>
    public static bool IsMajor(this CleaningMethod method) => method != CleaningMethod.Minor;
}
