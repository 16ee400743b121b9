namespace PharmaMes.Web.Components.Pages.Admin;

/// <summary>Which form the plant page shows beside the tree.</summary>
public enum PlantFormKind
{
    None,
    AddSite,
    AddArea,
    AddLine,
    AddEquipment,
    Rename,
    Settings,
    AddTag,
    EditTag,
    Retire,
}
