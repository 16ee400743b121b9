namespace PharmaMes.Domain.Plant;

/// <summary>
/// The equipment status a person acts on (the hygiene and availability lifecycle of PAS-X and
/// Syncade), apart from the machine state a device reports. <see cref="CalibrationDue"/> is never
/// stored: it is shown over Clean or Dirty when the calibration has lapsed or failed.
/// </summary>
public enum EquipmentStatus
{
    Clean,
    InUse,
    Dirty,
    /// <summary>Being cleaned, or cleaned and waiting for a second person to verify the cleaning.</summary>
    Cleaning,
    Maintenance,
    CalibrationDue,
    Retired,
}
