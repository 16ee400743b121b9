namespace PharmaMes.Domain.Alerts;

public enum AlertKind
{
    EquipmentDown,
    Excursion,
}
