using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.ClientAddress).HasMaxLength(UserSession.AddressMaxLength);
        builder.Property(s => s.EndReason).HasMaxLength(UserSession.EndReasonMaxLength);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.Ignore(s => s.IsOpen);
    }
}
