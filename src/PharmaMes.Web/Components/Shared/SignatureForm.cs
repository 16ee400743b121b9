using FluentValidation;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Web.Components.Shared;

/// <summary>What a signer types into the signature dialog. The password is never kept after an attempt.</summary>
public sealed class SignatureForm
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string? Comment { get; set; }

    public sealed class Validator : AbstractValidator<SignatureForm>
    {
        public Validator(bool commentRequired, string commentLabel)
        {
            RuleFor(f => f.UserName).NotEmpty().WithMessage("Enter your user name.");
            RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password to sign.");
            RuleFor(f => f.Comment)
                .MaximumLength(ElectronicSignature.CommentMaxLength)
                .WithMessage($"Keep the {commentLabel.ToLowerInvariant()} to {ElectronicSignature.CommentMaxLength} characters.");
            if (commentRequired)
                RuleFor(f => f.Comment).NotEmpty().WithMessage($"Enter the {commentLabel.ToLowerInvariant()}: it is kept with the signature.");
        }
    }
}
