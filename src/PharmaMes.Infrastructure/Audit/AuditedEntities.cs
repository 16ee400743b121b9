using Microsoft.AspNetCore.Identity;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// The GMP data whose every creation and change is audited, with the human label each is known
/// by. Raw device samples, alerts and counters are not here: they are observations, written once
/// and never changed, and the telemetry volume would drown the trail.
/// </summary>
internal static class AuditedEntities
{
    private static readonly HashSet<string> None = [];
    private static readonly HashSet<string> VersionOnly = [nameof(ProductionOrder.Version)];

    private static readonly Dictionary<Type, AuditedEntity> ByType = new()
    {
        // The plant model: every engineering change of it is audited with its reason.
        [typeof(Site)] = new("Site", e => ((Site)e).Code.Value, None, None),
        [typeof(Area)] = new("Area", e => ((Area)e).Code.Value, None, None),
        [typeof(Line)] = new("Line", e => ((Line)e).Code.Value, None, None),
        [typeof(Equipment)] = new("Equipment", e => ((Equipment)e).Code.Value, None, None),
        [typeof(CleaningRecord)] = new("CleaningRecord", e => $"{((CleaningRecord)e).EquipmentCode} {((CleaningRecord)e).CleanedAt.UtcDateTime:yyyy-MM-dd HH:mm}", None, None),
        [typeof(CalibrationRecord)] = new("CalibrationRecord", e => $"{((CalibrationRecord)e).EquipmentCode} {((CalibrationRecord)e).Instrument} {((CalibrationRecord)e).CalibratedOn:yyyy-MM-dd}", None, None),
        [typeof(MaintenanceWorkOrder)] = new("MaintenanceWorkOrder", e => ((MaintenanceWorkOrder)e).Number, None, None),
        [typeof(MaintenancePlan)] = new("MaintenancePlan", e => $"{((MaintenancePlan)e).EquipmentCode} {((MaintenancePlan)e).Task}", None, None),
        [typeof(TagDefinition)] = new("TagDefinition", e => ((TagDefinition)e).Name.Value, None, None),
        // The planned time OEE is measured against.
        [typeof(Domain.Performance.ShiftCalendar)] = new("ShiftCalendar", e => ((Domain.Performance.ShiftCalendar)e).Scope, None, None),
        [typeof(Domain.Performance.StopReason)] = new("StopReason", e => ((Domain.Performance.StopReason)e).Reason, None, None),
        [typeof(Material)] = new("Material", e => ((Material)e).Code.Value, None, None),
        // Version is the concurrency check's bookkeeping, not a fact about the lot or the order.
        [typeof(MaterialLot)] = new("MaterialLot", e => ((MaterialLot)e).Number.Value, VersionOnly, None),
        [typeof(InventoryLedgerEntry)] = new("InventoryLedgerEntry", _ => null, None, None),
        [typeof(MasterRecipe)] = new("MasterRecipe", e => ((MasterRecipe)e).Label, None, None),
        // The parts of a recipe may be removed while it is a Draft (the domain refuses it after approval);
        // each removal is audited with everything the part held.
        [typeof(RecipeStep)] = new("RecipeStep", e => ((RecipeStep)e).Label, None, None, MayBeRemoved: true),
        [typeof(ProcessParameter)] = new("ProcessParameter", e => ((ProcessParameter)e).Name, None, None, MayBeRemoved: true),
        [typeof(InProcessCheck)] = new("InProcessCheck", e => ((InProcessCheck)e).Name, None, None, MayBeRemoved: true),
        [typeof(BillOfMaterialsLine)] = new("BillOfMaterialsLine", e => ((BillOfMaterialsLine)e).MaterialCode.Value, None, None, MayBeRemoved: true),
        [typeof(ProductionOrder)] = new("ProductionOrder", e => ((ProductionOrder)e).Number.Value, VersionOnly, None),
        // A disturbance of the schedule and who accepted the MES's answer to it, and why.
        [typeof(Domain.Planning.ScheduleImpact)] = new("ScheduleImpact", e => ((Domain.Planning.ScheduleImpact)e).Description, None, None),
        [typeof(Batch)] = new("Batch", e => ((Batch)e).Number.Value, None, None),
        [typeof(BatchStep)] = new("BatchStep", e => ((BatchStep)e).Label, None, None),
        [typeof(BatchStepValue)] = new("BatchStepValue", e => ((BatchStepValue)e).Name, None, None),
        [typeof(BatchStepMaterial)] = new("BatchStepMaterial", e => ((BatchStepMaterial)e).MaterialCode.Value, None, None),
        [typeof(BatchRecordEntry)] = new("BatchRecordEntry", e => $"#{((BatchRecordEntry)e).Sequence} {((BatchRecordEntry)e).Kind}", None, None),
        [typeof(QualityException)] = new("QualityException", e => ((QualityException)e).Number.Value, None, None),
        [typeof(InvestigationNote)] = new("InvestigationNote", _ => null, None, None),
        [typeof(ElectronicSignature)] = new("ElectronicSignature", e => ((ElectronicSignature)e).Manifestation, None, None, CreatedAction: AuditAction.Signed),
        [typeof(MesUser)] = new("User", e => ((MesUser)e).UserName,
            // Bookkeeping of the identity framework, not facts about the person or their access.
            new HashSet<string> { nameof(MesUser.ConcurrencyStamp), nameof(MesUser.SecurityStamp), nameof(MesUser.AccessFailedCount),
                nameof(MesUser.NormalizedUserName), nameof(MesUser.NormalizedEmail) },
            new HashSet<string> { nameof(MesUser.PasswordHash) }),
        // Who could reach the MES as a machine, and when that ended.
        [typeof(ApiKey)] = new("ApiKey", e => ((ApiKey)e).Name, None, new HashSet<string> { nameof(ApiKey.Hash) }),
        [typeof(Messaging.DeviceCredential)] = new("DeviceAccount", e => ((Messaging.DeviceCredential)e).Username, None,
            new HashSet<string> { nameof(Messaging.DeviceCredential.PasswordHash) }),
        [typeof(IdentityRole<Guid>)] = new("Role", e => ((IdentityRole<Guid>)e).Name,
            new HashSet<string> { nameof(IdentityRole<Guid>.ConcurrencyStamp), nameof(IdentityRole<Guid>.NormalizedName) }, None),
        [typeof(IdentityUserRole<Guid>)] = new("UserRole", _ => null, None, None, MayBeRemoved: true),
    };

    public static AuditedEntity? For(Type type) => ByType.GetValueOrDefault(type);
}
