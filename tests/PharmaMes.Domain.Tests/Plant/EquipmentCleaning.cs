using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

/// <summary>Test shorthand: a major cleaning done and verified at one moment, under the given clean hold time.</summary>
internal static class EquipmentCleaning
{
    public static void MarkCleaned(this Equipment equipment, DateTimeOffset at, TimeSpan cleanHoldTime)
    {
        equipment.SetCleaningRules(new CleaningRules(cleanHoldTime, TimeSpan.FromHours(48), productChangeNeedsMajorClean: true));
        equipment.AcceptCleaning(CleaningMethod.Major, at, at);
    }
}
