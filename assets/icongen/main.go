// Command icongen draws Hygie's icon (a white shield with a teal cross on a
// rounded teal square) so the artwork is ours and reproducible:
// go run ./assets/icongen > assets/icon.png
package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

const size = 512

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	bg := color.NRGBA{0x0f, 0x76, 0x6e, 0xff}
	bgLight := color.NRGBA{0x14, 0x9e, 0x90, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			a := coverage(fx, fy, inRoundedSquare)
			if a == 0 {
				continue
			}
			c := mix(bgLight, bg, fy/size)
			if s := coverage(fx, fy, inShield); s > 0 {
				c = mix(c, white, s)
				if k := coverage(fx, fy, inCross); k > 0 {
					c = mix(c, bg, k)
				}
			}
			c.A = uint8(255 * a)
			img.SetNRGBA(x, y, c)
		}
	}
	if err := png.Encode(os.Stdout, img); err != nil {
		os.Exit(1)
	}
}

// coverage supersamples a shape 4×4 for smooth edges.
func coverage(x, y float64, in func(x, y float64) bool) float64 {
	n := 0
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if in(x-0.5+(float64(i)+0.5)/4, y-0.5+(float64(j)+0.5)/4) {
				n++
			}
		}
	}
	return float64(n) / 16
}

func inRoundedSquare(x, y float64) bool {
	const m, r = 16.0, 96.0
	cx := math.Max(m+r-x, math.Max(0, x-(size-m-r)))
	cy := math.Max(m+r-y, math.Max(0, y-(size-m-r)))
	if x < m || x > size-m || y < m || y > size-m {
		return false
	}
	return cx*cx+cy*cy <= r*r || cx <= 0 || cy <= 0
}

// inShield: flat top with rounded shoulders, sides curving to a point.
func inShield(x, y float64) bool {
	const top, bottom, half = 104.0, 430.0, 150.0
	if y < top || y > bottom {
		return false
	}
	t := (y - top) / (bottom - top)
	w := half
	if t > 0.45 {
		u := (t - 0.45) / 0.55
		w = half * math.Sqrt(1-u*u)
	}
	dx := math.Abs(x - size/2)
	if y < top+30 && dx > half-30 { // rounded shoulders
		ddx, ddy := dx-(half-30), top+30-y
		return ddx*ddx+ddy*ddy <= 30*30
	}
	return dx <= w
}

func inCross(x, y float64) bool {
	const cx, cy, arm, thick = size / 2, 250.0, 82.0, 28.0
	dx, dy := math.Abs(x-cx), math.Abs(y-cy)
	return (dx <= thick && dy <= arm) || (dy <= thick && dx <= arm)
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	l := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xff}
}
