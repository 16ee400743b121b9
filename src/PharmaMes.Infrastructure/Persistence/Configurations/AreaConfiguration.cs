using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasPlantCode();
        builder.HasIndex(a => new { a.SiteId, a.Code }).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(Area.NameMaxLength).IsRequired();
        builder.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Lines).HasField("_lines");
    }
}
