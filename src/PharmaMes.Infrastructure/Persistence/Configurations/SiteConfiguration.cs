using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasPlantCode();
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(Site.NameMaxLength).IsRequired();
        builder.HasMany(s => s.Areas).WithOne().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Areas).HasField("_areas");
    }
}
