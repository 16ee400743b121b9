namespace PharmaMes.Domain.Production;

/// <summary>Why a dispense is not acceptable. All but <see cref="OutOfTolerance"/> refuse it.</summary>
public enum DispenseProblemKind
{
    /// <summary>The scanned material or lot is not the material of the line.</summary>
    WrongMaterial,
    LotNotReleased,
    LotExpired,
    /// <summary>Weighed in another unit than the target's.</summary>
    WrongUnit,
    /// <summary>Recorded and flagged, with a quality exception: the material is already weighed out.</summary>
    OutOfTolerance,
}
