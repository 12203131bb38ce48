/**
 * A map control (below zoom in and out) that frames the selected records: after narrowing to one group or
 * country, the reader gets to its records in one click instead of hunting for them from a world view.
 */
import type { IControl } from 'maplibre-gl';

const svg = 'http://www.w3.org/2000/svg';

export class ZoomToRecordsControl implements IControl {
  private container: HTMLDivElement | null = null;

  constructor(private readonly onZoom: () => Promise<void>) {}

  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'zoom-to-records';
    button.title = 'Zoom to the selected records';
    button.setAttribute('aria-label', 'Zoom to the selected records');
    button.append(frameIcon());
    button.addEventListener('click', () => {
      button.disabled = true;
      // A failed request leaves the map where it is (the map shows the API's failures itself).
      this.onZoom()
        .catch(() => undefined)
        .finally(() => (button.disabled = false));
    });
    container.append(button);
    this.container = container;
    return container;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}

/** Four corners around a dot: "frame what is there". */
function frameIcon(): SVGSVGElement {
  const icon = document.createElementNS(svg, 'svg');
  icon.setAttribute('viewBox', '0 0 20 20');
  icon.setAttribute('width', '20');
  icon.setAttribute('height', '20');
  icon.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svg, 'path');
  path.setAttribute('d', 'M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  const dot = document.createElementNS(svg, 'circle');
  dot.setAttribute('cx', '10');
  dot.setAttribute('cy', '10');
  dot.setAttribute('r', '2.5');
  dot.setAttribute('fill', 'currentColor');
  icon.append(path, dot);
  return icon;
}
