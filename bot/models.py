"""Every table of the product, imported in one place for Alembic and `create_all`."""

from catalogue.models import Base, CatalogueSource, Manufacturer, ManufacturerAlias, Part

__all__ = ["Base", "CatalogueSource", "Manufacturer", "ManufacturerAlias", "Part"]
