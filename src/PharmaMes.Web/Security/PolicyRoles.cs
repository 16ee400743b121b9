using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Security;

/// <summary>
/// The one table of who may do what: the roles each policy admits. The authorization setup builds every policy from
/// it, and the README's role table says the same in words. A machine client (an API key) holds the Integration role
/// and is only ever admitted to the API, never to the people's pages.
/// </summary>
public static class PolicyRoles
{
    private static readonly string[] AuditReaders = [MesRoles.QA, MesRoles.Supervisor, MesRoles.Admin];
    private static readonly string[] BatchPlanners = [MesRoles.Planner, MesRoles.Supervisor];
    private static readonly string[] InventoryReaders = [MesRoles.Planner, MesRoles.Supervisor, MesRoles.QA, MesRoles.Admin];
    private static readonly string[] MaterialMasters = [MesRoles.Planner, MesRoles.Supervisor, MesRoles.QA, MesRoles.Admin];
    private static readonly string[] LotReceivers = [MesRoles.Planner, MesRoles.Supervisor];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> All = new Dictionary<string, IReadOnlyList<string>>
    {
        [Policies.Admin] = [MesRoles.Admin],
        // And any caller on the machine itself: see AuthenticationSetup.
        [Policies.Monitoring] = [MesRoles.Admin, MesRoles.Integration],
        [Policies.Engineering] = [MesRoles.Maintenance, MesRoles.Supervisor, MesRoles.Admin],
        [Policies.PlantReader] = [.. MesRoles.PersonRoles, MesRoles.Integration],
        [Policies.AuditReader] = AuditReaders,
        // An ERP or validation tool may check that the chain is intact: the verdict holds counts and sequence numbers
        // only. The entries themselves (who changed what) stay with the people who review them.
        [Policies.AuditVerifier] = [.. AuditReaders, MesRoles.Integration],
        [Policies.BatchExecution] = [MesRoles.Operator, MesRoles.Supervisor],
        [Policies.BatchPlanning] = BatchPlanners,
        [Policies.ShiftCalendars] = [MesRoles.Supervisor, MesRoles.Admin],
        [Policies.InventoryReader] = InventoryReaders,
        [Policies.EquipmentCare] = [MesRoles.Operator, MesRoles.Supervisor, MesRoles.Maintenance, MesRoles.QA],
        [Policies.Calibration] = [MesRoles.Maintenance, MesRoles.Supervisor],
        [Policies.WorkOrders] = [MesRoles.Maintenance, MesRoles.Supervisor],
        [Policies.MaterialMaster] = MaterialMasters,
        [Policies.LotReceiving] = LotReceivers,
        [Policies.QualityAssurance] = [MesRoles.QA],
        [Policies.RecipeEditor] = [MesRoles.Supervisor, MesRoles.QA, MesRoles.Admin],
        [Policies.RecipeApprover] = [MesRoles.QA],
        // The ERP's side of what people do on the pages: the machine client, and the same people as on the page.
        [Policies.ErpOrders] = [.. BatchPlanners, MesRoles.Integration],
        [Policies.ErpMaterials] = [.. MaterialMasters, MesRoles.Integration],
        [Policies.ErpLotReceipts] = [.. LotReceivers, MesRoles.Integration],
        [Policies.ErpInventory] = [.. InventoryReaders, MesRoles.Integration],
        [Policies.ErpIntegration] = [MesRoles.Integration, MesRoles.Planner, MesRoles.Admin],
    };
}
