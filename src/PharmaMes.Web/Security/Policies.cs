namespace PharmaMes.Web.Security;

/// <summary>Named authorization policies; pages and endpoints name these, never raw role lists.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    /// <summary>Metrics for monitoring (<c>/metrics</c>): administrators and machine clients with an API key, and anyone on the machine itself.</summary>
    public const string Monitoring = nameof(Monitoring);
    /// <summary>Any person in a plant role, or a machine client with an API key.</summary>
    public const string PlantReader = nameof(PlantReader);
    /// <summary>People who look after the data path: maintenance, supervisors, administrators.</summary>
    public const string Engineering = nameof(Engineering);
    /// <summary>People who execute batches on the shop floor: operators and supervisors (who also verify).</summary>
    public const string BatchExecution = nameof(BatchExecution);
    /// <summary>People who release orders and make batches of them: planners and supervisors.</summary>
    public const string BatchPlanning = nameof(BatchPlanning);
    /// <summary>Quality assurance: reviews batch records, closes quality exceptions, releases and rejects.</summary>
    public const string QualityAssurance = nameof(QualityAssurance);
    /// <summary>People who write master batch records: edit Drafts and start new versions (supervisors, QA, administrators).</summary>
    public const string RecipeEditor = nameof(RecipeEditor);
    /// <summary>People who approve master batch records with their e-signature and withdraw them: QA.</summary>
    public const string RecipeApprover = nameof(RecipeApprover);
    /// <summary>The ERP's outbound messages (the outbox): machine clients with an API key, and planners and administrators for people.</summary>
    public const string ErpIntegration = nameof(ErpIntegration);
    /// <summary>Production orders through the API: the ERP's machine client, and the people who plan orders on the pages.</summary>
    public const string ErpOrders = nameof(ErpOrders);
    /// <summary>The material master through the API: the ERP's machine client, and the people who keep it on the pages.</summary>
    public const string ErpMaterials = nameof(ErpMaterials);
    /// <summary>Goods receipts of lots through the API: the ERP's machine client, and the people who receive lots on the pages.</summary>
    public const string ErpLotReceipts = nameof(ErpLotReceipts);
    /// <summary>Lots, their genealogy and inventory through the API: the ERP's machine client, and the people who watch stock.</summary>
    public const string ErpInventory = nameof(ErpInventory);
    /// <summary>People who review the audit trail: QA, supervisors, administrators.</summary>
    public const string AuditReader = nameof(AuditReader);
    /// <summary>Audit readers, and machine clients that check the trail is intact without reading its entries.</summary>
    public const string AuditVerifier = nameof(AuditVerifier);
    /// <summary>People who watch stock and lots: planners, supervisors, QA, administrators.</summary>
    public const string InventoryReader = nameof(InventoryReader);
    /// <summary>People who keep equipment fit: record and verify cleanings, see what maintenance must do (operators, supervisors, maintenance, QA).</summary>
    public const string EquipmentCare = nameof(EquipmentCare);
    /// <summary>People who record calibrations: maintenance and supervisors.</summary>
    public const string Calibration = nameof(Calibration);
    /// <summary>People who work maintenance orders and keep the maintenance schedules: maintenance and supervisors.</summary>
    public const string WorkOrders = nameof(WorkOrders);
    /// <summary>People who maintain the material master by hand: planners, supervisors, QA, administrators.</summary>
    public const string MaterialMaster = nameof(MaterialMaster);
    /// <summary>People who receive lots into Quarantine: planners and supervisors.</summary>
    public const string LotReceiving = nameof(LotReceiving);
    /// <summary>Edit shift calendars (planned time for OEE): supervisors and administrators.</summary>
    public const string ShiftCalendars = nameof(ShiftCalendars);
}
