namespace PharmaMes.Domain.Signatures;

/// <summary>What a signer declares by signing (21 CFR 11.50(a)(3)): shown with every signature.</summary>
public enum SignatureMeaning
{
    Performed,
    Verified,
    Reviewed,
    Approved,
    Released,
    Rejected,
    /// <summary>QA puts something released on hold (a lot back into Quarantine for investigation or re-test).</summary>
    Held,
}
