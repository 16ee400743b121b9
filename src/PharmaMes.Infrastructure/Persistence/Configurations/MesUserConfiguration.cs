using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class MesUserConfiguration : IEntityTypeConfiguration<MesUser>
{
    public void Configure(EntityTypeBuilder<MesUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(MesUser.FullNameMaxLength).IsRequired();
    }
}
