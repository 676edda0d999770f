using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkOrders.Maintenance.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "AccuracyMeters",
                table: "WorkOrderEvents",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorRole",
                table: "WorkOrderEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "WorkOrderEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "WorkOrderEvents",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "WorkOrderEvents",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "WorkOrderEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "WorkOrderEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderEvents_WorkOrderId_Sequence",
                table: "WorkOrderEvents",
                columns: new[] { "WorkOrderId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderEvents_WorkOrderId_Sequence",
                table: "WorkOrderEvents");

            migrationBuilder.DropColumn(
                name: "AccuracyMeters",
                table: "WorkOrderEvents");

            migrationBuilder.DropColumn(
                name: "ActorRole",
                table: "WorkOrderEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "WorkOrderEvents");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "WorkOrderEvents");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "WorkOrderEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "WorkOrderEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "WorkOrderEvents");
        }
    }
}
