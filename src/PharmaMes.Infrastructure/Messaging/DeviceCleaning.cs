using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// A unit's own cleaning cycle (CIP/SIP), as its state messages report it: entering Cleaning marks the unit
/// as being cleaned; leaving it with a passed cleaning report records a clean-in-place cleaning that a
/// person then verifies; a failed cycle leaves the unit dirty. A unit in use, under maintenance or retired
/// keeps its status: the device's state alone never frees product-contact equipment.
/// </summary>
internal static class DeviceCleaning
{
    public static void Apply(MesDbContext db, Equipment equipment, StatePayload state, bool wasCleaning)
    {
        var mayClean = equipment.Status is EquipmentStatus.Clean or EquipmentStatus.Dirty or EquipmentStatus.Cleaning;
        if (!mayClean)
            return;
        if (state.State == EquipmentState.Cleaning)
        {
            equipment.BeginCleaning(state.At);
            return;
        }
        if (!wasCleaning || state.Cleaning is not { } report)
            return;
        if (report.Passed)
            db.CleaningRecords.Add(CleaningRecord.ByDevice(equipment, report.Agent, report.StartedAt, state.At, report.Program, state.At));
        else if (equipment.Status == EquipmentStatus.Cleaning)
            equipment.AbandonCleaning(state.At);
    }
}
